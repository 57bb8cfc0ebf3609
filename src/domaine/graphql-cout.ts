/**
 * Cost of a GraphQL operation, computed on the parsed document before anything runs: every field
 * counts once per object it may be resolved on, a list multiplies what it holds by its page size
 * (`pagination: { pageSize | limit }`, else the default page), fragments are expanded. A document
 * whose fragments cycle is refused first (expanding it would never end). Pure: graphql-js only.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface LimitesCout {
  /** highest cost of one operation */
  coutMax: number;
  /** most aliased fields in one document (each alias is one more resolver run) */
  aliasMax: number;
  /** page size of a list without pagination argument (the plugin's defaultLimit) */
  pageDefaut: number;
  /** largest page a list may answer (the plugin's maxLimit) */
  pageMax: number;
}

export const CODE_REFUS = 'GRAPHQL_VALIDATION_FAILED';

/** The names of the fragments of a cycle (`A → B → A`), or null. */
export function cycleDeFragments(document: DocumentNode): string[] | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const termines = new Set<string>();
  const enCours: string[] = [];
  const explorer = (nom: string): string[] | null => {
    if (termines.has(nom)) return null;
    const position = enCours.indexOf(nom);
    if (position >= 0) return [...enCours.slice(position), nom];
    const fragment = fragments.get(nom);
    if (!fragment) return null;
    enCours.push(nom);
    for (const cible of fragmentsCites(fragment.selectionSet)) {
      const cycle = explorer(cible);
      if (cycle) return cycle;
    }
    enCours.pop();
    termines.add(nom);
    return null;
  };
  for (const nom of fragments.keys()) {
    const cycle = explorer(nom);
    if (cycle) return cycle;
  }
  return null;
}

function fragmentsCites(selection: SelectionSetNode): string[] {
  const noms: string[] = [];
  const pile = [selection];
  while (pile.length > 0) {
    for (const s of pile.pop()!.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) noms.push(s.name.value);
      else if (s.selectionSet) pile.push(s.selectionSet);
    }
  }
  return noms;
}

/** Variables are not known when the document is validated: a size given by a variable counts as the largest page. */
const VARIABLE = Number.POSITIVE_INFINITY;

/** The page size a list field asks for: `pagination: { pageSize | limit }`, VARIABLE when a variable gives it, else undefined. */
function taillePage(champ: FieldNode): number | undefined {
  const argument = champ.arguments?.find((a) => a.name.value === 'pagination');
  if (!argument) return undefined;
  if (argument.value.kind === Kind.VARIABLE) return VARIABLE;
  if (argument.value.kind !== Kind.OBJECT) return undefined;
  const taille: ValueNode | undefined = argument.value.fields.find((f) => f.name.value === 'pageSize' || f.name.value === 'limit')?.value;
  if (!taille) return undefined;
  if (taille.kind === Kind.INT) return Number(taille.value);
  return taille.kind === Kind.VARIABLE ? VARIABLE : undefined;
}

/**
 * Cost and alias count of every operation of the document (the costliest operation counts). Fields
 * the schema does not know cost 1 (graphql-js refuses them anyway); introspection costs 1.
 */
export function coutDocument(
  document: DocumentNode,
  schema: GraphQLSchema,
  limites: Pick<LimitesCout, 'pageDefaut' | 'pageMax'>,
): { cout: number; alias: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let alias = 0;

  const parcourir = (selection: SelectionSetNode, type: GraphQLNamedType | undefined, multiplicateur: number, chemin: Set<string>): number => {
    let cout = 0;
    for (const s of selection.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (!fragment || chemin.has(s.name.value)) continue; // a cycle is refused before
        const cible = schema.getType(fragment.typeCondition.name.value) ?? type;
        cout += parcourir(fragment.selectionSet, cible, multiplicateur, new Set([...chemin, s.name.value]));
        continue;
      }
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const cible = s.typeCondition ? schema.getType(s.typeCondition.name.value) ?? type : type;
        cout += parcourir(s.selectionSet, cible, multiplicateur, chemin);
        continue;
      }
      if (s.alias) alias += 1;
      cout += multiplicateur;
      if (!s.selectionSet || s.name.value.startsWith('__')) continue;
      const definition = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[s.name.value] : undefined;
      let interieur = multiplicateur;
      if (definition && isListType(getNullableType(definition.type))) {
        const demandee = taillePage(s);
        const taille = Math.min(Math.max(demandee ?? limites.pageDefaut, 1), limites.pageMax);
        interieur = multiplicateur * taille;
      }
      cout += parcourir(s.selectionSet, definition ? getNamedType(definition.type) : undefined, interieur, chemin);
    }
    return cout;
  };

  let pire = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const racine = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    pire = Math.max(pire, parcourir(d.selectionSet, racine ?? undefined, 1, new Set()));
  }
  return { cout: pire, alias };
}

/** French refusal of a document whose fragments cycle. */
export function messageCycle(cycle: string[]): string {
  return `Requête GraphQL refusée : les fragments se citent en boucle (${cycle.join(' → ')}).`;
}

/**
 * Validation rule (Apollo `validationRules`) refusing an operation costlier than `coutMax` or with more
 * than `aliasMax` aliases, with a French message.
 */
export function regleCout(limites: LimitesCout) {
  return (contexte: ValidationContext): ASTVisitor => {
    const document = contexte.getDocument();
    if (cycleDeFragments(document)) return {}; // graphql-js's NoFragmentCycles reports it
    const { cout, alias } = coutDocument(document, contexte.getSchema(), limites);
    if (alias > limites.aliasMax) {
      contexte.reportError(
        new GraphQLError(`Requête GraphQL refusée : ${alias} alias, ${limites.aliasMax} au plus. Regroupez les lectures (filtres, pagination) plutôt que de les répéter.`, {
          extensions: { code: CODE_REFUS },
        }),
      );
    } else if (cout > limites.coutMax) {
      contexte.reportError(
        new GraphQLError(
          `Requête GraphQL refusée : coût estimé ${cout}, ${limites.coutMax} au plus (chaque champ compte une fois par élément des listes qui le contiennent). Réduisez pageSize, les relations imbriquées ou le nombre de champs.`,
          { extensions: { code: CODE_REFUS } },
        ),
      );
    }
    return {};
  };
}
