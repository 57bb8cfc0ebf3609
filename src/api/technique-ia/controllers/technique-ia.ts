import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::technique-ia.technique-ia');
