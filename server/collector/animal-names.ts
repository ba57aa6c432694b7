import { randomInt } from 'node:crypto';

// The project's own word lists (contract C-5.6): lowercase [a-z] only, so a name is safe in JSON, regexes and IRIs.
const ADJECTIVES = [
  'agile', 'amber', 'ancient', 'brave', 'breezy', 'bright', 'bubbly', 'calm', 'candid', 'cheerful', 'clever',
  'cosmic', 'crimson', 'curious', 'daring', 'dazzling', 'eager', 'earnest', 'electric', 'emerald', 'fancy',
  'fearless', 'festive', 'fluffy', 'friendly', 'gentle', 'gleaming', 'golden', 'graceful', 'happy', 'hardy',
  'honest', 'humble', 'icy', 'jolly', 'jovial', 'keen', 'kind', 'lively', 'lucky', 'luminous', 'lunar', 'merry',
  'mighty', 'misty', 'modest', 'nimble', 'noble', 'peppy', 'placid', 'plucky', 'polite', 'proud', 'quick',
  'quiet', 'radiant', 'rapid', 'rosy', 'ruddy', 'rustic', 'scarlet', 'shiny', 'silent', 'silver', 'sincere',
  'sleepy', 'smart', 'snowy', 'solar', 'spotted', 'steady', 'stormy', 'striped', 'sturdy', 'sunny', 'swift',
  'tidy', 'tiny', 'upbeat', 'vivid', 'wandering', 'warm', 'wise', 'witty', 'zesty',
];

const ANIMALS = [
  'aardvark', 'albatross', 'alpaca', 'antelope', 'armadillo', 'axolotl', 'badger', 'beaver', 'bison', 'bobcat',
  'buffalo', 'camel', 'capybara', 'caribou', 'cheetah', 'chinchilla', 'coyote', 'crane', 'dingo', 'dolphin',
  'dormouse', 'eagle', 'echidna', 'elephant', 'falcon', 'ferret', 'flamingo', 'fox', 'gazelle', 'gecko',
  'gibbon', 'giraffe', 'gorilla', 'hedgehog', 'heron', 'hippo', 'ibex', 'iguana', 'impala', 'jackal', 'jaguar',
  'kangaroo', 'kestrel', 'koala', 'lemur', 'leopard', 'llama', 'lynx', 'manatee', 'mara', 'marmot', 'meerkat',
  'mongoose', 'moose', 'narwhal', 'ocelot', 'okapi', 'orca', 'osprey', 'otter', 'owl', 'panda', 'pangolin',
  'panther', 'pelican', 'penguin', 'puffin', 'quokka', 'quail', 'raccoon', 'raven', 'reindeer', 'salamander',
  'seal', 'sloth', 'squirrel', 'tapir', 'tiger', 'toucan', 'turtle', 'walrus', 'wombat', 'yak', 'zebra',
];

function pick(words: readonly string[]): string {
  return words[randomInt(words.length)] as string;
}

/** "adjective-adjective-animal", two different adjectives. */
export function newAnimalName(): string {
  const first = pick(ADJECTIVES);
  let second = pick(ADJECTIVES);
  while (second === first) second = pick(ADJECTIVES);
  return `${first}-${second}-${pick(ANIMALS)}`;
}

export const animalNameCombinations = ADJECTIVES.length * (ADJECTIVES.length - 1) * ANIMALS.length;
