/**
 * Which pages load scripts of the book's: the numbered chapters (each has a lab), the lab VM's page
 * and the progress page. Every other page (glossary, about, instructors…) ships no script of ours,
 * so nothing that needs one (the service worker's registration, the sidebar's progress marks) goes on it.
 */
import { bookPages } from '../../lib/book/chapters.ts';

/** A chapter or the lab VM's page: the pages that load a lab, and so also keep the book offline. */
export function pageHasLab(slug: string): boolean {
  return bookPages.some((page) => page.slug === slug && (page.numbered || page.slug === 'lab-vm'));
}

/** A page that loads a script of the book's anyway: one with a lab, or the progress page. */
export function pageLoadsBookScripts(slug: string): boolean {
  return pageHasLab(slug) || slug === 'progress';
}
