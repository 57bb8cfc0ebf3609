/** Child servers of the bench: start, wait until they answer, sample their memory, stop. */
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';

export interface Serveur {
  processus: ChildProcess;
  url: string;
  /** seconds from spawn to the first good answer */
  secondes: number;
  journal: () => string;
}

export async function demarrer(script: string, args: string[], env: NodeJS.ProcessEnv, port: number, chemin: string): Promise<Serveur> {
  const debut = process.hrtime.bigint();
  let journal = '';
  const processus = spawn(process.execPath, [script, ...args], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
  processus.stdout?.on('data', (d: Buffer) => (journal += d.toString()));
  processus.stderr?.on('data', (d: Buffer) => (journal += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (processus.exitCode !== null) throw new Error(`Le serveur ${script} s’est arrêté :\n${journal}`);
    try {
      const reponse = await fetch(`${url}${chemin}`);
      if (reponse.status < 300) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { processus, url, secondes: Number(process.hrtime.bigint() - debut) / 1e9, journal: () => journal };
}

export async function arreter(serveur: Serveur): Promise<void> {
  if (serveur.processus.exitCode !== null) return;
  const fin = new Promise((r) => serveur.processus.once('exit', r));
  serveur.processus.kill('SIGTERM');
  await fin;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMo(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const ligne = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return ligne ? Number(ligne[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS every 50 ms until `arreter()`: gives the value at start and the peak. */
export function surveillerMemoire(pid: number | undefined): { arreter: () => { departMo: number; picMo: number } } {
  const departMo = rssMo(pid);
  let picMo = departMo;
  const minuterie = setInterval(() => {
    picMo = Math.max(picMo, rssMo(pid));
  }, 50);
  return {
    arreter: () => {
      clearInterval(minuterie);
      picMo = Math.max(picMo, rssMo(pid));
      return { departMo, picMo };
    },
  };
}
