"""Time Brian2 (C++ standalone) and Cajal on the same networks.

Run through bench/peer.sh, which builds Cajal's timing program (bench/peer)
and passes its path. For each network this script

  1. builds the network in Brian2 with the cpp_standalone device, times the
     code generation and the C++ compilation, and runs the binary REPEAT
     times; the binary itself measures its simulation loop: a monotonic
     wall clock started before the first run() and read after the last one
     (code inserted into main() with device.insert_code), and the CPU time
     Brian2 records for each run (Network::_last_run_time, std::clock());
  2. runs Cajal's program REPEAT times, alternating with Brian2's runs so
     that both see the same load; it reports the wall-clock time of the
     network's Run calls;
  3. prints a table of seconds of loop per simulated second (the smallest
     of the repeats, the least disturbed by other work on the machine) and
     the ratio Cajal/Brian2.

The networks, with Brian2's equations written here:

  coba        Brette et al. 2007 benchmark 1 (examples/coba), 4000 neurons, 1 s
  cuba        Brette et al. 2007 benchmark 2 (examples/cuba), 4000 neurons, 1 s
  vogels2011  seed 000, Vogels et al. 2011, 10000 neurons, 1 s + 9 s of
              inhibitory plasticity, as the seed's Brian2 script

Both simulators run single-threaded unless --threads says otherwise
(Brian2: OpenMP threads; Cajal: worker goroutines). Each network has one
spike monitor of the neurons the example records, as Cajal's examples do.

Usage: python3 bench/brian2_peer.py --cajal PATH [--repeat N] [--threads T]
       [--workdir DIR] [MODEL...]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import brian2 as b
from brian2.units import Hz, ms, mV, nS, pA, pF, second


def coba():
    """Benchmark 1: conductance-based synapses (examples/coba)."""
    ns = dict(taum=20*ms, taue=5*ms, taui=10*ms, Ee=0*mV, Ei=-80*mV,
              El=-60*mV, Vt=-50*mV, Vr=-60*mV, we=6/10, wi=67/10)
    eqs = '''
    dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : 1
    dgi/dt = -gi/taui : 1
    '''
    P = b.NeuronGroup(4000, eqs, threshold='v > Vt', reset='v = Vr',
                      refractory=5*ms, method='euler', namespace=ns)
    Ce = b.Synapses(P[:3200], P, on_pre='ge += we', namespace=ns)
    Ce.connect(p=0.02)
    Ci = b.Synapses(P[3200:], P, on_pre='gi += wi', namespace=ns)
    Ci.connect(p=0.02)
    P.v = 'El + (randn()*5 - 5)*mV'
    P.ge = 'randn()*1.5 + 4'
    P.gi = 'randn()*12 + 20'
    return [P, Ce, Ci], b.SpikeMonitor(P), [1*second], ns


def cuba():
    """Benchmark 2: current-based synapses (examples/cuba)."""
    ns = dict(taum=20*ms, taue=5*ms, taui=10*ms, Vt=-50*mV, Vr=-60*mV,
              El=-49*mV, we=(60*0.27/10)*mV, wi=(-20*4.5/10)*mV)
    eqs = '''
    dv/dt = (ge + gi - (v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = b.NeuronGroup(4000, eqs, threshold='v > Vt', reset='v = Vr',
                      refractory=5*ms, method='linear', namespace=ns)
    P.v = 'Vr + rand()*(Vt - Vr)'
    Ce = b.Synapses(P, P, on_pre='ge += we', namespace=ns)
    Ci = b.Synapses(P, P, on_pre='gi += wi', namespace=ns)
    Ce.connect('i < 3200', p=0.02)
    Ci.connect('i >= 3200', p=0.02)
    return [P, Ce, Ci], b.SpikeMonitor(P), [1*second], ns


def vogels2011():
    """Seed 000: the seed's Brian2 script (examples/vogels2011)."""
    NE, NI, epsilon = 8000, 2000, 0.02
    tau_stdp = 20*ms
    ns = dict(tau_ampa=5*ms, tau_gaba=10*ms, tau_stdp=tau_stdp, gl=10*nS,
              el=-60*mV, er=-80*mV, vt=-50*mV, memc=200*pF, bgcurrent=200*pA,
              alpha=3*Hz*tau_stdp*2, gmax=100, eta=0)
    eqs = '''
    dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)
    dg_ampa/dt = -g_ampa/tau_ampa : siemens
    dg_gaba/dt = -g_gaba/tau_gaba : siemens
    '''
    neurons = b.NeuronGroup(NE+NI, eqs, threshold='v > vt', reset='v=el',
                            refractory=5*ms, method='euler')
    Pe, Pi = neurons[:NE], neurons[NE:]
    con_e = b.Synapses(Pe, neurons, on_pre='g_ampa += 0.3*nS')
    con_e.connect(p=epsilon)
    con_ii = b.Synapses(Pi, Pi, on_pre='g_gaba += 3*nS')
    con_ii.connect(p=epsilon)
    con_ie = b.Synapses(Pi, Pe, model='''w : 1
    dApre/dt=-Apre/tau_stdp : 1 (event-driven)
    dApost/dt=-Apost/tau_stdp : 1 (event-driven)''',
                        on_pre='''Apre += 1.
    w = clip(w+(Apost-alpha)*eta, 0, gmax)
    g_gaba += w*nS''',
                        on_post='''Apost += 1.
    w = clip(w+Apre*eta, 0, gmax)''')
    # The seed's A_pre and A_post are renamed Apre and Apost: Brian2 2.5
    # rejects variable names that end in _pre or _post.
    con_ie.connect(p=epsilon)
    con_ie.w = 1e-10
    # The objects take their constants from the namespace of each run, so
    # the second run's learning rate eta = 1e-2 reaches con_ie's code (in
    # standalone mode each run() generates its code then).
    return [neurons, con_e, con_ii, con_ie], b.SpikeMonitor(Pe), \
        [1*second, 9*second], ns


MODELS = {'coba': coba, 'cuba': cuba, 'vogels2011': vogels2011}
NE = {'coba': 3200, 'cuba': 3200, 'vogels2011': 8000}
TIMER_START = ('struct timespec _peer_t0, _peer_t1; double _peer_cpu = 0;'
               ' clock_gettime(CLOCK_MONOTONIC, &_peer_t0);')
TIMER_RUN = '_peer_cpu += Network::_last_run_time;'
TIMER_END = ('clock_gettime(CLOCK_MONOTONIC, &_peer_t1);'
             ' std::cout << "peer_loop " << (_peer_t1.tv_sec - _peer_t0.tv_sec)'
             ' + 1e-9*(_peer_t1.tv_nsec - _peer_t0.tv_nsec) << " " << _peer_cpu'
             ' << std::endl;')


def build_brian2(name, workdir, threads):
    """Generate and compile the standalone project; run it once."""
    directory = os.path.join(workdir, f'brian2_{name}')
    b.device.reinit()
    b.set_device('cpp_standalone', directory=directory, build_on_run=False)
    if threads > 1:
        b.prefs.devices.cpp_standalone.openmp_threads = threads
    b.defaultclock.dt = 0.1*ms
    b.seed(1)
    t0 = time.perf_counter()
    objects, mon, runs, ns = MODELS[name]()
    net = b.Network(*objects, mon)
    b.device.insert_code('main', TIMER_START)
    for k, d in enumerate(runs):
        if name == 'vogels2011':
            ns['eta'] = 0 if k == 0 else 1e-2
        net.run(d, namespace=ns)
        b.device.insert_code('main', TIMER_RUN)
    b.device.insert_code('main', TIMER_END)
    # clean=True: compile every file, even if an earlier build left them.
    b.device.build(directory=directory, compile=True, run=True, clean=True,
                   with_output=False)
    total = time.perf_counter() - t0
    compile_s = b.device.timers['compile']['make']
    run_s = b.device.timers['run_binary']
    sim_s = sum(float(d/second) for d in runs)
    n_e = NE[name]
    i = mon.i[:]
    rate_e = float((i < n_e).sum())/n_e/sim_s
    n_i = len(mon.source) - n_e
    rate_i = float((i >= n_e).sum())/n_i/sim_s if n_i > 0 else 0.0
    return dict(directory=directory, codegen_s=total-compile_s-run_s,
                compile_s=compile_s, sim_s=sim_s, rate_e=rate_e,
                rate_i=rate_i)


def run_brian2(directory):
    """Run the compiled binary again; its loop times and total time."""
    b.device.run(directory, with_output=False, run_args=[])
    with open(os.path.join(directory, 'results', 'stdout.txt')) as f:
        for line in f:
            if line.startswith('peer_loop'):
                _, wall, cpu = line.split()
                return float(wall), float(cpu), b.device.timers['run_binary']
    raise RuntimeError(f'no peer_loop line in {directory}/results/stdout.txt')


def run_cajal(path, name, threads):
    out = subprocess.run([path, '-model', name, '-threads', str(threads)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--cajal', required=True, help="Cajal's bench/peer binary")
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--workdir', default='bench/out')
    ap.add_argument('models', nargs='*', default=list(MODELS))
    args = ap.parse_args()
    for m in args.models:
        if m not in MODELS:
            sys.exit(f'unknown model {m!r}; known: {", ".join(MODELS)}')
    os.makedirs(args.workdir, exist_ok=True)
    workdir = os.path.abspath(args.workdir)
    print(f'# Brian2 {b.__version__} (cpp_standalone, {args.threads} thread(s), '
          f'flags {" ".join(b.prefs.codegen.cpp.extra_compile_args_gcc)}); '
          f'Cajal bench/peer, {args.threads} thread(s); '
          f'{args.repeat} runs each, alternating', flush=True)
    rows = []
    for name in args.models:
        info = build_brian2(name, workdir, args.threads)
        bw, bc, bt, cw, cc, cs = [], [], [], [], [], []
        for _ in range(args.repeat):
            wall, cpu, total = run_brian2(info['directory'])
            bw.append(wall), bc.append(cpu), bt.append(total)
            rec = run_cajal(args.cajal, name, args.threads)
            cw.append(rec['loop_s']), cc.append(rec['loop_cpu_s'])
            cs.append(rec['setup_s'])
        sim = info['sim_s']
        row = dict(model=name, sim_s=sim,
                   brian2_codegen_s=info['codegen_s'],
                   brian2_compile_s=info['compile_s'],
                   brian2_binary_s=min(bt),
                   brian2_loop_s_per_s=min(bw)/sim,
                   brian2_loop_cpu_s_per_s=min(bc)/sim,
                   brian2_loop_all=[x/sim for x in bw],
                   brian2_rate_e=info['rate_e'], brian2_rate_i=info['rate_i'],
                   cajal_setup_s=min(cs), cajal_loop_s_per_s=min(cw)/sim,
                   cajal_loop_cpu_s_per_s=min(cc)/sim,
                   cajal_loop_all=[x/sim for x in cw],
                   cajal_rate_e=rec['rate_e'], cajal_rate_i=rec['rate_i'],
                   cajal_native=f"{rec['native']}/{rec['programs']}")
        row['ratio'] = row['cajal_loop_s_per_s']/row['brian2_loop_s_per_s']
        row['ratio_cpu'] = (row['cajal_loop_cpu_s_per_s'] /
                            row['brian2_loop_cpu_s_per_s'])
        rows.append(row)
        print('# ' + json.dumps(row), flush=True)
    print()
    print('seconds of simulation loop per simulated second (the least of the '
          'runs): wall-clock, and processor time (cpu)')
    print(f"{'model':<11} {'sim':>4} | {'Brian2 codegen':>14} {'compile':>8} "
          f"{'loop':>6} {'cpu':>6} | {'Cajal setup':>11} {'loop':>6} {'cpu':>6} "
          f"| {'Cajal/Brian2 loop':>17} {'cpu':>5}")
    for r in rows:
        print(f"{r['model']:<11} {r['sim_s']:>3g}s | "
              f"{r['brian2_codegen_s']:>13.1f}s {r['brian2_compile_s']:>7.1f}s "
              f"{r['brian2_loop_s_per_s']:>6.3f} {r['brian2_loop_cpu_s_per_s']:>6.3f} | "
              f"{r['cajal_setup_s']:>10.3f}s {r['cajal_loop_s_per_s']:>6.3f} "
              f"{r['cajal_loop_cpu_s_per_s']:>6.3f} | "
              f"{r['ratio']:>17.2f} {r['ratio_cpu']:>5.2f}")


if __name__ == '__main__':
    main()
