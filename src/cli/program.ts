import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { addIncidentOptions } from './incident-options.js';
import { safeLine, type IO } from './io.js';
import { DEFAULT_FORMAT, formatsOf } from './options.js';

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

const BATCH_EXAMPLES = `
Examples:
  # look at two messages first (nothing is written)
  apologize batch examples/orders.csv --incident examples/incident.yaml --preview 2

  # one mbox for mutt, or a folder of .eml files
  apologize batch orders.csv --incident incident.yaml > apologies.mbox
  apologize batch orders.csv --incident incident.yaml --format eml --out ./apologies

  # three real messages to yourself first, then the campaign through your relay, safe to re-run
  apologize batch orders.csv --incident incident.yaml --smtp smtp://care@relay.example:587 --test-to you@example.com
  APOLOGIZE_SMTP_PASSWORD=… apologize batch orders.csv --incident incident.yaml \\
    --smtp smtp://care@relay.example:587 --concurrency 4 --journal sent.journal

  # or through msmtp, 2 at a time, at most 60 a minute
  apologize batch orders.csv --incident incident.yaml \\
    --exec 'msmtp -t --read-envelope-from' --concurrency 2 --rate 60/min --journal sent.journal
`;

const CHECK_EXAMPLES = `
Examples:
  apologize check draft.txt
  apologize check --json --severity major incident-email.eml
  pbpaste | apologize check --min-score 85 -
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
      outputError: (s, write) => write(`apologize: ${safeLine(s.replace(/^error: /, '').trim())} — see apologize --help\n`),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  apologize draft | sendmail -t -i                       # answer a few questions, send one apology
  apologize batch orders.csv --incident incident.yaml --preview 2
  apologize batch orders.csv --incident incident.yaml --exec 'msmtp -t --read-envelope-from' --journal sent.journal
  apologize check my-draft.txt                           # score any apology against the pattern
  apologize brief --incident incident.yaml > brief.md    # the note for the support team

Exit codes: 0 done, 1 done with problems, 2 usage or input error (nothing written), 130 interrupted.
`,
    );

  addIncidentOptions(
    program
      .command('draft')
      .description('write one apology: asks for what flags and files did not give, prints the email on stdout'),
  )
    .option('--to <address>', 'the recipient, "Name <addr>" (optional)')
    .option('--save <file>', 'write the answers as an incident file (YAML, or JSON for .json) for batch')
    .option('--stage <stage>', 'apology | followup', 'apology')
    .addOption(new Option('--format <format>', 'output format').choices(formatsOf('draft')).default(DEFAULT_FORMAT.draft))
    .option('--no-input', 'never prompt; missing fields are an error naming each flag')
    .option('--no-check', 'do not show the apology check on stderr')
    .option('--html', 'add an HTML alternative (multipart/alternative) made from the same text')
    .option('--smtp <url>', 'send it through an SMTP relay instead of printing it: smtp://user@host:587 or smtps://user@host:465')
    .option('--smtp-password-command <cmd>', 'print the relay password (default: APOLOGIZE_SMTP_PASSWORD)')
    .option('--smtp-insecure', 'accept a relay certificate no authority signed (self-signed)')
    .option('--test-to <address>', 'address it to you instead, Subject "[TEST] …"')
    .addHelpText('after', DRAFT_EXAMPLES)
    .action(async (opts) => {
      const { draftCommand } = await import('./draft.js');
      setExit(await draftCommand(opts, io));
    });

  addIncidentOptions(
    program
      .command('batch')
      .argument('<csv>', 'the CSV export of affected orders, or - for stdin')
      .description('one personal message per affected customer, from a CSV'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(formatsOf('batch')).default(DEFAULT_FORMAT.batch))
    .option('--out <path>', 'a file (mbox, ndjson, text) or a folder (eml); default stdout')
    .option('--force', 'overwrite existing .eml files in --out')
    .option('--exec <cmd>', 'hand each message to `sh -c CMD` on stdin (APOLOGIZE_TO, APOLOGIZE_MESSAGE_ID set)')
    .option('--smtp <url>', 'deliver through an SMTP relay: smtp://user@host:587 (STARTTLS when offered) or smtps://user@host:465')
    .option('--smtp-password-command <cmd>', 'print the relay password (default: APOLOGIZE_SMTP_PASSWORD); never put it in the URL')
    .option('--smtp-insecure', 'accept a relay certificate no authority signed (self-signed)')
    .option('--test-to <address>', 'send the first --limit (default 3) messages to this address instead, Subject "[TEST] …", not journaled')
    .option('--concurrency <n>', 'hand-offs at once with --exec, connections with --smtp', '1')
    .option('--rate <n/min>', 'at most this many hand-offs a minute (30/min, 2/s)')
    .option('--exec-timeout <duration>', 'the time one hand-off may take, --exec or --smtp (30s, 2m)', '60s')
    .option('--max-failures <n>', 'stop after N hand-offs in a row that did not go through (default 10; 0: never)')
    .option('--journal <file>', 'the campaign\'s record (one run at a time): a re-run skips whoever was sent, whatever was edited')
    .option('--resend-in-doubt', 'also resend hand-offs whose outcome is unknown (killed by --exec-timeout or a signal, or a run that died)')
    .option('--preview <n>', 'render N messages to stderr, colourised, and write nothing')
    .option('--limit <n>', 'stop after N messages')
    .option('--shard <k/n>', 'only the customers of shard K of N (stable split by address)')
    .option('--stage <stage>', 'apology | followup', 'apology')
    .option('--html', 'add an HTML alternative (multipart/alternative) made from the same text')
    .option('--only-sent <journal>', 'with --stage followup: only customers whose apology that journal records as sent')
    .option('--strict', 'check every row first and write nothing if any is bad')
    .option('--rejects <file>', 'where rejected rows go (default: <input>.rejects.csv next to the input)')
    .option('--per-row', 'one message per row instead of one per customer')
    .option('--map <column=field...>', 'use a column as a field, e.g. --map "Kunden-Mail=email"')
    .option('--preset <name>', 'the export it is: shopify, woocommerce, stripe, amazon, square, etsy or plain (default: recognised from the header)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected from , ; tab |)')
    .option('--encoding <name>', 'legacy encoding of the CSV, e.g. windows-1252 (default UTF-8; UTF-16 by BOM)')
    .option('--fallback-locale [tag]', "customers whose language has no translation of the incident's text (fields.<locale>) get this locale's letter (no value: the incident's own) instead of stopping")
    .addHelpText('after', BATCH_EXAMPLES)
    .action(async (csv: string, opts) => {
      const { batchCommand } = await import('./batch.js');
      setExit(await batchCommand(csv, opts, io, { onInterrupt: io.onInterrupt ?? (() => () => {}) }));
    });

  addIncidentOptions(
    program.command('brief').description('the internal note for the support team (Markdown): what happened, the promise, what a rep may offer'),
  )
    .option('--journal <file>', 'the batch journal: adds how many customers were notified')
    .addHelpText('after', '\nExamples:\n  apologize brief --incident incident.yaml > brief.md\n  apologize brief --incident incident.yaml --journal sent.journal\n')
    .action(async (opts) => {
      const { briefCommand } = await import('./brief.js');
      setExit(await briefCommand(opts, io));
    });

  program
    .command('check')
    .argument('[files...]', 'plain-text or .eml apologies; - or nothing for stdin')
    .description('score an apology against the pattern: each part, the non-apology forms, a score 0–100')
    .option('--json', 'one JSON object per input (an array when several)')
    .option('--min-score <n>', 'exit 1 below this score', '70')
    .option('--severity <level>', 'the incident severity, to judge humour (minor | moderate | major | critical)')
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], opts) => {
      const { checkCommand } = await import('./check.js');
      setExit(await checkCommand(files, opts, io));
    });

  const templates = program
    .command('templates')
    .description('the built-in template library: list, show, eject, lint')
    .addHelpText('after', '\nExamples:\n  apologize templates list\n  apologize templates show shipping-delay\n  apologize templates eject wrong-item --to ./my-templates\n  apologize templates lint ./my-templates\n');
  templates
    .command('list')
    .description('every template, built-in or from --templates, with its stages')
    .option('--templates <dir>', 'a template folder that shadows the built-ins')
    .action(async (opts) => {
      const { templatesList } = await import('./templates.js');
      setExit(await templatesList(opts, io));
    });
  templates
    .command('show')
    .argument('<name>', 'template name')
    .option('--stage <stage>', 'apology | followup', 'apology')
    .option('--locale <tag>', 'the letter in this language (de, fr, es…)', 'en')
    .option('--templates <dir>', 'a template folder that shadows the built-ins')
    .description('print a template')
    .action(async (name: string, opts) => {
      const { templatesShow } = await import('./templates.js');
      setExit(await templatesShow(name, opts, io));
    });
  templates
    .command('eject')
    .argument('<name>', 'template name')
    .option('--to <dir>', 'where to copy it', 'templates')
    .option('--force', 'overwrite an existing copy')
    .option('--locale <tag>', 'copy the letter in this language to <dir>/<locale>/ (de, fr, es…)')
    .description('copy a template out to edit; use the folder with --templates')
    .action(async (name: string, opts) => {
      const { templatesEject } = await import('./templates.js');
      setExit(await templatesEject(name, opts, io));
    });
  templates
    .command('lint')
    .argument('[dir]', 'a template folder (default: the built-ins)')
    .description('compile, render with sample data at each severity, and check every template')
    .action(async (dir: string | undefined) => {
      const { templatesLint } = await import('./templates.js');
      setExit(await templatesLint(dir, io));
    });
  return program;
}
