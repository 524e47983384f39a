// @ts-check
// The page's shared state and the hooks views call on each other (set by app.js).

/** @typedef {{ flags: Record<string,string>, contentFlags: string[], unitFlags: string[], severities: Record<string,string>, flagStates: Record<string,string>, roles: Record<string,string>, fileStatuses: Record<string,string>, timing: Record<string,string>, sections: Record<string,string>, periodParts: Record<string,string> }} Labels */

export const TOKEN_KEY = 'baocao.token';
export const PERIOD_KEY = 'baocao.period';
export const SCOPE_KEY = 'baocao.scope';

export const state = {
  /** @type {string | null} */ token: sessionStorage.getItem(TOKEN_KEY),
  /** @type {any} */ me: null,
  /** @type {Labels | null} */ labels: null,
  /** @type {any[]} */ periods: [],
  /** @type {string | null} */ period: null,
  /** @type {string} */ scope: sessionStorage.getItem(SCOPE_KEY) || '',
  /** @type {any} */ table: null,
  /** @type {any[]} */ flags: [],
  sort: { key: 'commune', dir: 1 },
  tab: 'table',
  /** @type {any} */ report: null,
  /** @type {string | null} */ editing: null,
};

export const hooks = {
  /** @type {(id: number, field?: string | null) => Promise<void>} */ openReport: async () => {},
  /** @type {() => Promise<void>} */ reload: async () => {},
  /** @type {() => Promise<void>} */ reloadPeriods: async () => {},
};

export function canEdit() {
  return !!state.me && (state.me.role === 'editor' || state.me.role === 'admin');
}

/** The query string of the period and scope shown. */
export function periodQuery() {
  return `period=${encodeURIComponent(state.period || '')}${state.scope ? `&scope=${encodeURIComponent(state.scope)}` : ''}`;
}
