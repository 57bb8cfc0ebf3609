import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::technique-ia.technique-ia');
