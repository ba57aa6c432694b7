/** 'missing', 'stale' or null (up to date) for the dashboard of the renderer folder `rendererDir`. */
export function dashboardBuildNeeded(rendererDir: string): 'missing' | 'stale' | null;
