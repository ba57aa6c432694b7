export {
  AUGMENTATION_KEYS,
  collectorAgent,
  NORMALIZE_COLUMNS,
  NORMALIZE_FROM,
  normalizeStatement,
  type StoredStatementRow,
} from './normalize-statement.js';
export { ensurePseudonymSalt, pseudonym, readPseudonymSalt } from './pseudonym.js';
export { type ActorsMode, iriNamespace, NAMESPACE_KEY, type NormalizeSettings } from './settings.js';
