import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::technique-ia.technique-ia');
