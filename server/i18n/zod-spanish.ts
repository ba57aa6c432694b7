import { z } from 'zod';

/**
 * zod's own messages in Spanish, for one parse at a time (the English ones stay zod's global default): the admin API's
 * validation and a bundle import's rows (on the import's thread) word their refusals with it for a Spanish dashboard.
 */
export const spanishIssues = z.locales.es().localeError;
