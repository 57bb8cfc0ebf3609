/**
 * The fiche de transparence as a printable HTML page (docs/transparence.md): no script, the style inline,
 * markup that also parses as XML (every element closed, every attribute quoted, every text escaped), so
 * that it can be checked by any XML parser and archived as is. Pure: no Strapi import.
 */
import { dateLongue, LIBELLES_ETAT, type Adresses, type Completude, type Contenu, type Fiche, type MentionLegale, type Niveau } from './fiche';

const ENTITES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values; control characters XML forbids are dropped. */
export function echapper(valeur: string): string {
  return valeur.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ENTITES[c]);
}

/** Line breaks kept (the description is Markdown, shown as plain text: no markup of the author reaches the page). */
const paragraphe = (texte: string): string => texte.split(/\r?\n/).map(echapper).join('<br/>');

/** Only web addresses become links: a `javascript:` address stays text. */
const estWeb = (url: string): boolean => /^https?:\/\//i.test(url);

function contenu(c: Contenu): string {
  return c.url && estWeb(c.url) ? `<a href="${echapper(c.url)}">${paragraphe(c.texte)}</a>` : paragraphe(c.texte);
}

function contenus(liste: readonly Contenu[], vide: string): string {
  if (liste.length === 0) return `<span class="vide">${echapper(vide)}</span>`;
  if (liste.length === 1) return contenu(liste[0]);
  return `<ul>${liste.map((c) => `<li>${contenu(c)}</li>`).join('')}</ul>`;
}

function score(c: Completude): string {
  return `${c.pourcentage} % (${c.renseignes} sur ${c.attendus})`;
}

function niveau(n: Niveau, id: string): string {
  const sections = n.sections
    .map(
      (s) =>
        `<section><h3>${echapper(s.titre)}</h3><dl>${s.elements
          .map((e) => `<dt>${echapper(e.libelle)}</dt><dd>${contenus(e.contenus, LIBELLES_ETAT.non_renseigne)}</dd>`)
          .join('')}</dl>${s.note ? `<p class="note">${echapper(s.note)}</p>` : ''}</section>`,
    )
    .join('\n');
  return `<section id="${id}" aria-labelledby="${id}-titre"><h2 id="${id}-titre">${echapper(n.titre)}</h2>\n<p class="score">Complétude : ${score(n.completude)}</p>\n${sections}</section>`;
}

function mentions(liste: readonly MentionLegale[]): string {
  const lignes = liste
    .map(
      (m) =>
        `<tr><th scope="row">${echapper(m.reference)}</th><td>${echapper(m.exigence)}</td><td>${echapper(LIBELLES_ETAT[m.etat])}</td><td>${
          m.etat === 'non_renseigne' ? '' : contenus(m.contenus, '')
        }</td></tr>`,
    )
    .join('\n');
  return `<section id="mentions" aria-labelledby="mentions-titre"><h2 id="mentions-titre">Traitement algorithmique : ce que prévoit la loi</h2>
<p>Informations que le code des relations entre le public et l’administration (CRPA) demande à une administration qui fonde des décisions individuelles sur un traitement algorithmique.</p>
<table><thead><tr><th scope="col">Référence</th><th scope="col">Exigence</th><th scope="col">État</th><th scope="col">Dans cette fiche</th></tr></thead>
<tbody>${lignes}</tbody></table></section>`;
}

function completude(f: Fiche): string {
  const ligne = (titre: string, c: Completude) =>
    `<tr><th scope="row">${echapper(titre)}</th><td>${score(c)}</td><td>${c.manquants.length === 0 ? 'Aucun' : echapper(c.manquants.join(', '))}</td></tr>`;
  return `<section id="completude" aria-labelledby="completude-titre"><h2 id="completude-titre">Complétude de la fiche</h2>
<table><thead><tr><th scope="col">Partie</th><th scope="col">Éléments renseignés</th><th scope="col">Éléments manquants</th></tr></thead>
<tbody>${ligne(f.essentiel.titre, f.essentiel.completude)}${ligne(f.detail.titre, f.detail.completude)}${ligne('Ensemble', f.completude)}</tbody></table></section>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:0 auto;padding:1rem;color:#161616}
h1{font-size:1.8rem}h2{border-bottom:2px solid #000091;margin-top:2rem}dt{font-weight:bold;margin-top:.5rem}dd{margin-left:1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #929292;padding:.3rem;text-align:left;vertical-align:top}
.vide{font-style:italic;color:#595959}.note,.score{font-style:italic}a{color:#000091}
@media print{body{max-width:none;font-size:10.5pt}a::after{content:" (" attr(href) ")";font-size:.85em}section{break-inside:avoid}h2,h3{break-after:avoid}}`;

function page(titre: string, tete: string, corps: string): string {
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="fr" xml:lang="fr">
<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${echapper(titre)}</title>${tete}
<style>${STYLE}</style></head>
<body><main>
${corps}
</main></body></html>
`;
}

export function rendreFicheHtml(f: Fiche, adresses: Adresses): string {
  const date = (valeur: string) => {
    const iso = new Date(valeur).toISOString().slice(0, 10);
    return `<time datetime="${iso}">${echapper(dateLongue(iso)[0].texte)}</time>`;
  };
  return page(
    `Fiche de transparence — ${f.nom}`,
    `<link rel="alternate" type="application/json" href="${echapper(adresses.json)}"/><link rel="canonical" href="${echapper(adresses.html)}"/>`,
    `<h1>Fiche de transparence : ${echapper(f.nom)}</h1>
<p>Publiée le ${date(f.publieLe)}, mise à jour le ${date(f.misAJourLe)}. Complétude : ${score(f.completude)}. <a href="${echapper(adresses.json)}" type="application/json">Version JSON</a>.</p>
${niveau(f.essentiel, 'essentiel')}
${niveau(f.detail, 'detail')}
${mentions(f.mentionsLegales)}
${completude(f)}`,
  );
}

export const MESSAGE_INTROUVABLE = 'Projet introuvable : aucun projet publié ne porte cette adresse.';

export function rendrePageIntrouvable(): string {
  return page('Fiche de transparence introuvable', '', `<h1>Fiche de transparence introuvable</h1>\n<p>${echapper(MESSAGE_INTROUVABLE)}</p>`);
}
