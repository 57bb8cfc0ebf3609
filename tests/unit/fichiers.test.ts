import { motifContenuActif } from '../../src/domaine/fichiers';

const svg = (corps: string, entete = '<?xml version="1.0"?>') =>
  `${entete}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${corps}</svg>`;
const motif = (texte: string | Buffer, nom = 'logo.svg', type = 'image/svg+xml') => motifContenuActif(nom, type, typeof texte === 'string' ? Buffer.from(texte) : texte);

describe('contenu actif des fichiers téléversés', () => {
  it.each([
    ['script', svg('<script>alert(1)</script>')],
    ['script préfixé', svg('<svg:script>alert(1)</svg:script>')],
    ['gestionnaire', svg('<rect onload="alert(1)"/>')],
    ['gestionnaire sans espace', svg('<rect/onclick="alert(1)"/>')],
    ['javascript:', svg('<a href="javascript:alert(1)"><rect/></a>')],
    ['javascript: encodé', svg('<a href="&#106;avascript:alert(1)"><rect/></a>')],
    ['javascript: encodé en hexadécimal', svg('<a xlink:href="&#x6A;avascript:alert(1)"><rect/></a>')],
    ['foreignObject', svg('<foreignObject><div/></foreignObject>')],
    ['iframe', svg('<iframe/>')],
    ['image externe', svg('<image href="https://exemple.fr/x.png"/>')],
    ['use externe', svg('<use xlink:href="https://exemple.fr/s.svg#a"/>')],
    ['style externe', svg('<style>@import "https://exemple.fr/x.css";</style>')],
    ['url externe', svg('<rect style="fill:url(https://exemple.fr/x)"/>')],
    ['animation vers un lien', svg('<a><animate attributeName="href" values="#"/></a>')],
    ['entité', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('&x;', '')}`],
    ['feuille de style', `<?xml-stylesheet href="https://exemple.fr/x.css"?>${svg('', '')}`],
  ])('refuse une image SVG avec %s', (_cas, texte) => {
    expect(motif(texte)).toMatch(/^l’image SVG contient /);
  });

  it('lit une image SVG en UTF-16', () => {
    const texte = svg('<script>alert(1)</script>');
    expect(motif(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, 'utf16le')]))).toMatch(/script/);
  });

  it('reconnaît une image SVG à son contenu, quel que soit son nom', () => {
    expect(motif(svg('<script>alert(1)</script>'), 'image.png', 'image/png')).toMatch(/script/);
  });

  it.each([
    ['HTML', '<!DOCTYPE html><html><body>x</body></html>', 'photo.png', 'image/png'],
    ['XML', '<?xml version="1.0"?><x/>', 'rapport.pdf', 'application/pdf'],
    ['HTML avec espaces', '\n  <html>', 'tableau.csv', 'text/csv'],
  ])('refuse du %s déguisé', (_cas, texte, nom, type) => {
    expect(motif(texte, nom, type)).toBe(`contenu HTML ou XML présenté comme ${type}`);
  });

  it('refuse un fichier nommé .svg qui n’en est pas un', () => {
    expect(motif('<html><script>alert(1)</script></html>')).toBe('ce n’est pas une image SVG');
  });

  it.each([
    ['SVG inerte', svg('<defs><linearGradient id="a"/></defs><rect fill="url(#a)"/><use href="#a"/>'), 'logo.svg', 'image/svg+xml'],
    ['image intégrée', svg('<image href="data:image/png;base64,iVBORw0KGgo="/>'), 'logo.svg', 'image/svg+xml'],
    ['PDF', '%PDF-1.4\n%%EOF', 'rapport.pdf', 'application/pdf'],
    ['CSV', 'nom;valeur\nx;1\n', 'donnees.csv', 'text/csv'],
  ])('accepte %s', (_cas, texte, nom, type) => {
    expect(motif(texte, nom, type)).toBeUndefined();
  });
});
