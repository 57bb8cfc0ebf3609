import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::initiative-gouvernance.initiative-gouvernance');
