#!/usr/bin/env node
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), packageJson.version, { stdout: process.stdout, stderr: process.stderr }, process.stdin);
