import { winston } from '@strapi/logger';
import { formatJournal } from '../src/exploitation/journal';

// LOG_LEVEL lets tests and operators quieten the log (error, warn, info, http…); LOG_FORMAT picks json or
// texte. The format is the logger's own (it replaces Strapi's default, which colours the level).
export default {
  format: formatJournal(),
  transports: [new winston.transports.Console({ level: process.env.LOG_LEVEL ?? 'http' })],
};
