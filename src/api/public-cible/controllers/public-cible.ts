import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::public-cible.public-cible');
