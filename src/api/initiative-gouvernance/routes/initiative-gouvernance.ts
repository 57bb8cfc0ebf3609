import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::initiative-gouvernance.initiative-gouvernance');
