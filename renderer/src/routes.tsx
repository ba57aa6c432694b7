import type { ComponentType } from 'react';
import type { common } from './i18n/en/common';
import { ActivitiesScreen } from './screens/activities';
import { AlertsScreen } from './screens/alerts/alerts-screen';
import { ClassesScreen } from './screens/classes/classes-screen';
import { ConnectScreen } from './screens/connect';
import { DataScreen } from './screens/data/data-screen';
import { DiagnosticsScreen } from './screens/diagnostics/diagnostics-screen';
import { LiveScreen } from './screens/live';
import { PlayerScreen } from './screens/player';
import { PlayersScreen } from './screens/players';
import { ResultsScreen } from './screens/results/results-screen';
import { SettingsScreen } from './screens/settings/settings-screen';
import { StatementsScreen } from './screens/statements';

export interface Screen {
  path: string;
  /** Its name in the navigation bar (a key of the `nav` wording); screens without one are reached by links only. */
  label?: Exclude<keyof typeof common.nav, 'label'>;
  component: ComponentType<{ params: Record<string, string> }>;
}

/** Every screen of the dashboard, in navigation order. A new screen is one entry here. */
export const screens: Screen[] = [
  { path: '/', label: 'live', component: LiveScreen },
  { path: '/activities', label: 'activities', component: ActivitiesScreen },
  { path: '/alerts', label: 'alerts', component: AlertsScreen },
  { path: '/classes', label: 'classes', component: ClassesScreen },
  { path: '/results', label: 'results', component: ResultsScreen },
  { path: '/players', label: 'players', component: PlayersScreen },
  { path: '/players/:id', component: PlayerScreen },
  { path: '/statements', label: 'statements', component: StatementsScreen },
  { path: '/connect', label: 'connect', component: ConnectScreen },
  { path: '/diagnostics', label: 'diagnostics', component: DiagnosticsScreen },
  { path: '/data', label: 'data', component: DataScreen },
  { path: '/settings', label: 'settings', component: SettingsScreen },
];
