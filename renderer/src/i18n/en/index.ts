import { activities } from './activities';
import { alerts } from './alerts';
import { classes } from './classes';
import { common } from './common';
import { data } from './data';
import { diagnostics } from './diagnostics';
import { live } from './live';
import { players } from './players';
import { results } from './results';
import { settings } from './settings';
import { vocabulary } from './vocabulary';

/** Every namespace of the dashboard, one file each (a screen's wording is edited beside no other screen's). */
export const en = { common, live, players, activities, classes, settings, results, data, diagnostics, alerts, vocabulary };
