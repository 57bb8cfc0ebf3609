import { winston } from '@strapi/logger';
import { formatJournal } from '../src/exploitation/journal';

// LOG_LEVEL lets tests and operators quieten the log (error, warn, info, http…); LOG_FORMAT picks json or texte.
export default {
  transports: [new winston.transports.Console({ level: process.env.LOG_LEVEL ?? 'http', format: formatJournal() })],
};
