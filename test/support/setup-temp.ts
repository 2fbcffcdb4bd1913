/** Vitest setup file: every test file removes the temp folders it made with makeTempDir, pass or fail. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs';

afterAll(() => removeTempDirs());
