declare module 'libqp' {
  export function encode(buffer: Buffer | string): string;
  export function decode(input: string): Buffer;
  export function wrap(str: string, lineLength?: number): string;
  const libqp: { encode: typeof encode; decode: typeof decode; wrap: typeof wrap };
  export default libqp;
}
