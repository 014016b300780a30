/**
 * Ambient types for the Vite build: lets TypeScript accept the CSS imports of main.ts.
 */
/// <reference types="vite/client" />
