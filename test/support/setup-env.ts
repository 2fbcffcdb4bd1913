/** Vitest setup file: the shell's NEO4J_* variables are set aside before any test file loads (see neo4j-env.ts). */
import { setAsideNeo4jEnv } from './neo4j-env';

setAsideNeo4jEnv();
