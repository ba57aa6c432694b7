import type { ComponentType } from 'react';
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
  /** Shown in the navigation bar; screens without a label are reached by links only. */
  label?: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

/** Every screen of the dashboard, in navigation order. A new screen is one entry here. */
export const screens: Screen[] = [
  { path: '/', label: 'Live', component: LiveScreen },
  { path: '/activities', label: 'Activities', component: ActivitiesScreen },
  { path: '/alerts', label: 'Alerts & Warnings', component: AlertsScreen },
  { path: '/classes', label: 'Classes', component: ClassesScreen },
  { path: '/results', label: 'Results', component: ResultsScreen },
  { path: '/players', label: 'Players', component: PlayersScreen },
  { path: '/players/:id', component: PlayerScreen },
  { path: '/statements', label: 'Statements', component: StatementsScreen },
  { path: '/connect', label: 'Connect', component: ConnectScreen },
  { path: '/diagnostics', label: 'Diagnostics', component: DiagnosticsScreen },
  { path: '/data', label: 'Data', component: DataScreen },
  { path: '/settings', label: 'Settings', component: SettingsScreen },
];
