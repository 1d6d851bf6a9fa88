/**
 * Setup for every test file: the program's messages go through process.stderr, where the tests
 * capture them (the built CLI writes them to fd 2 directly, which the e2e tests read).
 */
import { writeStderrThroughStream } from '../../src/ui.js';

writeStderrThroughStream();
