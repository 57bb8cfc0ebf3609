'use strict';

/**
 * Development email provider (Strapi's local-provider mechanism): with no SMTP_HOST configured,
 * emails are written to the log instead of failing.
 */
module.exports = {
  init() {
    return {
      /** @param {{ to: string, subject: string, text?: string, html?: string }} courriel */
      async send(courriel) {
        strapi.log.info(
          `[courriel non envoyé : SMTP_HOST absent] à : ${courriel.to} — objet : ${courriel.subject}\n${courriel.text || courriel.html || ''}`,
        );
      },
    };
  },
};
