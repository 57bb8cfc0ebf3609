import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::initiative-gouvernance.initiative-gouvernance');
