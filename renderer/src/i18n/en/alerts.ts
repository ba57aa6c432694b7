/** English wording of the dashboard's alerts namespace (the source every translation mirrors). */
export const alerts = {};
