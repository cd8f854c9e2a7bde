import { clsx, type ClassValue } from 'clsx'
import { twMerge } from 'tailwind-merge'

/** Joins class names and lets a later Tailwind class override an earlier one of the same kind. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs))
}

/** "1 article", "10 articles". */
export function countArticles(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`
}
