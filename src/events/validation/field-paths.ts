/** Problem paths are dotted from the event root (`data.scope.fields.2`); '' is the event itself. */

export const joinPath = (parent: string, key: string | number): string => (parent === '' ? String(key) : `${parent}.${key}`);

/** How a message names a field: its own key, or its place in the array that holds it. */
export const itemLabel = (arrayLabel: string, index: number): string => `item ${index} of ${arrayLabel}`;

export const ROOT_LABEL = 'the event';
