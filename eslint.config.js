// @ts-check
/**
 * Lint, including the architecture's boundaries (ARCHITECTURE.md "Layers"):
 * - src/core is pure: no browser globals or APIs, no Dexie, no PeerJS, no other src room;
 * - contexts (background, offscreen, popup, tab, options, share, content) never import each other;
 *   the popup and the full tab show the same screens (src/screens);
 * - each room imports only the rooms below it;
 * - the tracker (signaling-server) imports only src/core;
 * - the background is wiring only: no function there makes a decision of many branches.
 */
import tseslint from 'typescript-eslint';

const CONTEXTS = ['background', 'offscreen', 'popup', 'tab', 'options', 'share', 'content'];
/** Contexts that show pages (may use the screens and ui rooms, never the store or network). */
const PAGES = ['popup', 'tab', 'options', 'share', 'content'];
/** Every room of src but the core. */
const ROOMS = ['app', 'store', 'transport', 'messaging', 'ui', 'screens', ...CONTEXTS];
const BROWSER_GLOBALS = [
  'chrome',
  'browser',
  'window',
  'document',
  'navigator',
  'localStorage',
  'indexedDB',
  'location',
  'RTCPeerConnection',
  'WebSocket',
  'XMLHttpRequest',
];

/**
 * Forbids relative imports of the given src rooms and the given packages; `typesOnly` rooms may
 * be imported with `import type` only.
 */
function forbid(rooms, packages, why, typesOnly = []) {
  const roomPattern = (room) => [`**/${room}`, `**/${room}/*`, `**/src/${room}/**`];
  return {
    'no-restricted-imports': [
      'error',
      {
        ...(packages.length ? { paths: packages.map((name) => ({ name, message: why })) } : {}),
        patterns: [
          ...(packages.length ? [{ group: packages.map((p) => `${p}/*`), message: why }] : []),
          ...rooms.map((room) => ({
            group: roomPattern(room),
            message: `${why} (no imports from src/${room})`,
          })),
          // The home (murmur-node) is a host: nothing in src or the tracker imports it.
          { group: ['**/home/*'], message: `${why} (no imports from the home)` },
          ...typesOnly.map((room) => ({
            group: roomPattern(room),
            allowTypeImports: true,
            message: `${why} (types only from src/${room})`,
          })),
        ],
      },
    ],
  };
}

const others = (self) => CONTEXTS.filter((c) => c !== self);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web-ext-artifacts/', 'test-results/', 'bench-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Say what is known instead: narrow, use an explicit state, or handle the missing case.
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // User content is always rendered as text: no markup injection anywhere in our code.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render user content as text; never as HTML.',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render user content as text; never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render user content as text; never as HTML.',
        },
        {
          selector: 'ImportExpression',
          message: 'No dynamic import(): MV3 service workers cannot load code that way.',
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      ...forbid(
        ['store', 'transport', 'messaging', 'ui', ...CONTEXTS],
        ['dexie', 'peerjs', 'webextension-polyfill', 'preact', 'preact/hooks'],
        'src/core is pure: it runs unchanged in Node, the tracker and every context',
      ),
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: 'src/core is pure: no browser globals (pass what you need through a port)',
        })),
      ],
    },
  },
  {
    // The application layer is as pure as the core: the same code runs in the extension, the
    // headless node, the simulator and tests.
    files: ['src/app/**'],
    rules: {
      ...forbid(
        // The messaging contract (views, settings and their guards) is the app's to answer
        // with; how pages and contexts reach each other (client, router) is not its business.
        ['store', 'transport', 'ui', 'messaging/client', 'messaging/router', ...CONTEXTS],
        ['dexie', 'peerjs', 'webextension-polyfill', 'preact', 'preact/hooks'],
        'src/app is pure: it runs unchanged in Node, the headless node and every context',
      ),
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: 'src/app is pure: no browser globals (pass what you need through a port)',
        })),
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: forbid(
      ['transport', 'messaging', 'ui', ...CONTEXTS],
      ['peerjs', 'preact'],
      'store: core + dexie only',
    ),
  },
  {
    files: ['src/transport/**'],
    rules: forbid(
      ['store', 'ui', ...CONTEXTS],
      ['dexie', 'preact'],
      'transport: core, messaging types + peerjs only',
    ),
  },
  {
    files: ['src/messaging/**'],
    rules: forbid(
      ['store', 'transport', 'ui', ...CONTEXTS],
      ['dexie', 'peerjs', 'preact'],
      'messaging: core types only',
    ),
  },
  {
    files: ['src/ui/**'],
    rules: forbid(
      ['store', 'transport', 'screens', ...CONTEXTS],
      ['dexie', 'peerjs'],
      'ui talks to the background only through messaging',
    ),
  },
  {
    // Murmur's screens, shown by the popup and the full tab.
    files: ['src/screens/**'],
    rules: forbid(
      ['app', 'store', 'transport', ...CONTEXTS],
      ['dexie', 'peerjs'],
      'screens talk to the background only through messaging',
    ),
  },
  ...CONTEXTS.map((context) => ({
    files: [`src/${context}/**`],
    rules: forbid(
      [...others(context), ...(PAGES.includes(context) ? ['store', 'transport'] : ['screens'])],
      PAGES.includes(context) ? ['dexie', 'peerjs'] : [],
      `contexts never import each other; ${context} may not import this`,
    ),
  })),
  {
    // The background is wiring only: it hands browser events to the app and the app's answers
    // to the browser. A function there may guard once or twice (is this our port, did the call
    // fail); a decision with more branches than that is policy, and policy lives in src/app or
    // src/core, where it runs, and is tested, in Node.
    files: ['src/background/**'],
    rules: { complexity: ['error', { max: 5 }] },
  },
  {
    // The Murmur home (murmur-node): a host like the background, in Node. It runs the app,
    // the transport and its own SQLite store; nothing of the browser, the pages or Dexie.
    files: ['home/**'],
    rules: forbid(
      ['store', 'ui', 'screens', ...CONTEXTS],
      ['dexie', 'preact', 'preact/hooks', 'webextension-polyfill'],
      'the home runs the app in Node: core, app, messaging and transport only',
    ),
  },
  {
    files: ['signaling-server/**'],
    rules: forbid(
      ROOMS,
      ['dexie', 'peerjs', 'webextension-polyfill', 'preact', 'preact/hooks'],
      'the tracker imports only src/core (and its own server packages)',
    ),
  },
  {
    files: ['tools/**', 'signaling-server/**', 'test/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // Type-aware rules for the product: what the types know, lint checks (a promise nobody
    // awaits, an async handler where a void one is expected, a cast that changes nothing).
    files: ['src/**/*.{ts,tsx}', 'home/**/*.ts', 'signaling-server/**/*.ts', 'tools/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // A test states what it expects by asserting it; a `!` there fails loudly if it is wrong.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
