import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { addIncidentOptions } from './incident-options.js';
import type { IO } from './io.js';

const DRAFT_EXAMPLES = `
Examples:
  # answer the questions, read the preview, send it
  apologize draft --to "Zoë Müller <zoe@example.com>" | sendmail -t -i

  # fully scripted (no prompts), saved for a batch later
  apologize draft --no-input --company "Acme Shoes" --from "Acme Shoes <care@acme.example>" \\
    --signer "Dana Lee" --signer-title "Head of Support" --scenario shipping-delay \\
    --severity minor --mistake "your order will arrive one day late" --affected 13482 \\
    --root-cause "a warehouse scanner update mislabelled a day's parcels" \\
    --commitment "we now check every label run against the order list before it ships" \\
    --remedy credit --remedy-details "a \\$10 credit on your next order" \\
    --to "ana@example.com" --save incident.yaml

  # from an incident file, as JSON for an email API
  apologize draft --incident examples/incident.yaml --to ana@example.com --format json
`;

/** The command table. Command modules are imported only when their command runs. */
export function buildProgram(io: IO, setExit: (code: number) => void): Command {
  const program = new Command('apologize')
    .description('Turn a business mistake into a ready-to-send apology email.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces on errors')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`apologize: ${s.replace(/^error: /, '').trim()} — see apologize --help\n`),
    })
    .exitOverride();

  const draft = addIncidentOptions(
    program
      .command('draft')
      .description('write one apology: asks for what flags and files did not give, prints the email on stdout'),
  )
    .option('--to <address>', 'the recipient, "Name <addr>" (optional)')
    .option('--save <file>', 'write the answers as an incident file (YAML, or JSON for .json) for batch')
    .option('--stage <stage>', 'apology | followup', 'apology')
    .addOption(new Option('--format <format>', 'output format').choices(['eml', 'text', 'json']).default('eml'))
    .option('--no-input', 'never prompt; missing fields are an error naming each flag')
    .addHelpText('after', DRAFT_EXAMPLES)
    .action(async (opts) => {
      const { draftCommand } = await import('./draft.js');
      setExit(await draftCommand(opts, io));
    });
  void draft;
  return program;
}
