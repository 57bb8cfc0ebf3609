import type { Core } from '@strapi/strapi';

/** The public address of the CMS (`PUBLIC_URL`, read by Strapi as `server.absoluteUrl`), without a trailing slash: the base of every absolute link the API writes. */
export const adressePublique = (strapi: Core.Strapi): string => String(strapi.config.get('server.absoluteUrl', '') ?? '').replace(/\/$/, '');
