/**
 * The container lab (chapter 6): every command the chapter runs in the lab VM, with what its output
 * must show. The chapter's pages and the integration test import the steps from here.
 */
export * from './container-lab-steps.ts';
export * from './container-step-wordings.ts';
