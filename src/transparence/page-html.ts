/**
 * GET /transparence/:cle — the printable fiche de transparence, outside /api so that a citizen's browser
 * gets a page (docs/transparence.md). Registered on the server's router like `/_ready`
 * (src/exploitation/cycle-de-vie.ts): no authentication, no permission, public fields only. `:cle` is
 * the slug, or the documentId of a projet without one (the address `adressesFiche` builds).
 */
import type { Core } from '@strapi/strapi';
import { CHEMIN_FICHE_HTML } from './fiche';
import { rendreFicheHtml, rendrePageIntrouvable } from './html';
import { lireFiche } from './lecture';

type Contexte = { params: { cle: string }; status: number; body: unknown; type: string; set(nom: string, valeur: string): void };

export function installerPageTransparence(strapi: Core.Strapi): void {
  strapi.server.router.get(`${CHEMIN_FICHE_HTML}/:cle`, async (ctx: Contexte) => {
    const lue = await lireFiche(strapi, { cle: ctx.params.cle });
    ctx.type = 'text/html; charset=utf-8';
    // Always asked again: a projet unpublished a minute ago must not stay readable in a cache.
    ctx.set('Cache-Control', 'no-cache');
    if (!lue) {
      ctx.status = 404;
      ctx.body = rendrePageIntrouvable();
      return;
    }
    ctx.set('Link', `<${lue.adresses.json}>; rel="alternate"; type="application/json"`);
    ctx.status = 200;
    ctx.body = rendreFicheHtml(lue.fiche, lue.adresses);
  });
}
