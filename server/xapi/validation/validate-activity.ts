import { array, child, fail, fields, type Json, required, string } from './invalid.js';
import { extensions, iri, languageMap } from './validate-common.js';

const DEFINITION_KEYS = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  'choices',
  'scale',
  'source',
  'target',
  'steps',
];

/** Which interaction component lists each interactionType may carry (xAPI Data 2.4.4.1). */
const COMPONENTS: Record<string, readonly string[]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

export function activity(value: unknown, path: string): void {
  const json = fields(value, path, ['objectType', 'id', 'definition'], 'an Activity object');
  if ('objectType' in json && json.objectType !== 'Activity') fail(child(path, 'objectType'), 'must be "Activity"');
  iri(required(json, 'id', path), child(path, 'id'));
  if ('definition' in json) definition(json.definition, child(path, 'definition'));
}

/** An Activity or an array of Activities (contextActivities values). */
export function activities(value: unknown, path: string): void {
  if (!Array.isArray(value)) return activity(value, path);
  for (const [i, item] of value.entries()) activity(item, child(path, i));
}

function definition(value: unknown, path: string): void {
  const json = fields(value, path, DEFINITION_KEYS, 'an Activity definition');
  if ('name' in json) languageMap(json.name, child(path, 'name'));
  if ('description' in json) languageMap(json.description, child(path, 'description'));
  if ('type' in json) iri(json.type, child(path, 'type'));
  if ('moreInfo' in json) iri(json.moreInfo, child(path, 'moreInfo'));
  if ('extensions' in json) extensions(json.extensions, child(path, 'extensions'));
  interaction(json, path);
}

function interaction(json: Json, path: string): void {
  let allowed: readonly string[] = [];
  if ('interactionType' in json) {
    const type = string(json.interactionType, child(path, 'interactionType'));
    const components = COMPONENTS[type];
    if (!components) fail(child(path, 'interactionType'), `must be one of ${Object.keys(COMPONENTS).join(', ')}`);
    allowed = components;
  } else if ('correctResponsesPattern' in json) {
    fail(child(path, 'interactionType'), 'is required with correctResponsesPattern');
  }
  if ('correctResponsesPattern' in json) {
    const patterns = array(json.correctResponsesPattern, child(path, 'correctResponsesPattern'));
    for (const [i, pattern] of patterns.entries()) string(pattern, child(child(path, 'correctResponsesPattern'), i));
  }
  for (const list of COMPONENT_LISTS) {
    if (!(list in json)) continue;
    if (!allowed.includes(list)) {
      const type = typeof json.interactionType === 'string' ? `"${json.interactionType}"` : 'no interactionType';
      fail(child(path, list), `is not allowed with ${type}`);
    }
    components(json[list], child(path, list));
  }
}

function components(value: unknown, path: string): void {
  const seen = new Set<string>();
  array(value, path).forEach((item, i) => {
    const itemPath = child(path, i);
    const json = fields(item, itemPath, ['id', 'description'], 'an interaction component');
    const id = string(required(json, 'id', itemPath), child(itemPath, 'id'));
    if (seen.has(id)) fail(child(itemPath, 'id'), 'must be unique within the list');
    seen.add(id);
    if ('description' in json) languageMap(json.description, child(itemPath, 'description'));
  });
}
