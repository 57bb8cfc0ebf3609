import { XMLValidator } from 'fast-xml-parser';
import { construireFiche } from '../../src/transparence/fiche';
import { echapper, rendreFicheHtml, rendrePageIntrouvable } from '../../src/transparence/html';
import { projetComplet } from '../helpers/projet-public';

const ADRESSES = { html: 'https://cms.example/transparence/p', json: 'https://cms.example/api/projets/doc123/transparence' };
const rendre = (surcharges: Parameters<typeof projetComplet>[0] = {}) => rendreFicheHtml(construireFiche(projetComplet(surcharges)), ADRESSES);
const titres = (html: string) => [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));

describe('page HTML de la fiche de transparence', () => {
  it('bien formée (XML), en français, sans script, avec le lien vers le JSON', () => {
    const html = rendre();
    expect(XMLValidator.validate(html)).toBe(true);
    expect(html).toMatch(/<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="fr"/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<link rel="alternate" type="application/json" href="https://cms.example/api/projets/doc123/transparence"/>');
    expect(html).toMatch(/@media print/);
  });

  it('un seul h1, des titres sans saut de niveau', () => {
    const niveaux = titres(rendre());
    expect(niveaux.filter((n) => n === 1)).toHaveLength(1);
    expect(niveaux[0]).toBe(1);
    niveaux.forEach((n, i) => i > 0 && expect(n).toBeLessThanOrEqual(niveaux[i - 1] + 1));
  });

  it('échappe tout texte saisi : balises, esperluettes, guillemets', () => {
    const html = rendre({
      nom: '<script>alert("x")</script> & Cie',
      description: '**Gras** <img src=x onerror=alert(1)>\nligne 2',
      roleOffreurs: 'a\u0001b',
    });
    expect(XMLValidator.validate(html)).toBe(true);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('<h1>Fiche de transparence : &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie</h1>');
    expect(html).toContain('**Gras** &lt;img src=x onerror=alert(1)&gt;<br/>ligne 2');
    expect(echapper("l'a\u0000")).toBe('l&#39;a');
  });

  it('seules les adresses web deviennent des liens', () => {
    const html = rendre({ lienInformation: 'javascript:alert(1)' });
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(1)');
  });

  it('montre « Non renseigné », les éléments non publiés et la complétude avec les manquants', () => {
    const html = rendre({ baseLegale: null, voiesDeRecours: null });
    expect(html).toMatch(/<dt>Base légale<\/dt><dd><span class="vide">Non renseigné<\/span><\/dd>/);
    expect(html.match(/Non publié dans la fiche publique/g)).toHaveLength(4);
    expect(html).toMatch(/<th scope="row">Ensemble<\/th><td>92 % \(26 sur 28\)<\/td><td>Voies de recours, Base légale<\/td>/);
  });

  it('page introuvable bien formée, en français', () => {
    const html = rendrePageIntrouvable();
    expect(XMLValidator.validate(html)).toBe(true);
    expect(html).toContain('<h1>Fiche de transparence introuvable</h1>');
  });
});
