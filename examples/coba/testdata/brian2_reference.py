"""Reference rates of benchmark 1 of Brette et al. 2007 (COBA) in Brian2.

Benchmark 1 of Brette et al. (2007), J Comput Neurosci 23:349, "Simulation
of networks of spiking neurons: a review of tools and strategies": the
network of Vogels & Abbott (2005) with conductance-based synapses, as the
Brian team's benchmark script (brian-team/brian, examples/COBA.py) defines
it, written for Brian2 with absolute potentials (that script measures v
from El = -60 mV and conductances in units of the leak conductance):

  4000 leaky integrate-and-fire neurons, the first 3200 excitatory;
  dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum, v held at Vr for 5 ms
  after a spike; ge, gi decay with taue = 5 ms, taui = 10 ms;
  Ee = 0 mV, Ei = -80 mV, El = -60 mV, threshold -50 mV, reset -60 mV;
  each excitatory neuron connects to each neuron with probability 0.02
  (ge += 6 nS/10 nS), each inhibitory one likewise (gi += 67 nS/10 nS);
  v starts at -65 mV + 5 mV*N(0,1), ge at 4 + 1.5*N(0,1), gi at 20 +
  12*N(0,1); forward Euler, dt = 0.1 ms.

Usage:

    python3 brian2_reference.py DURATION_MS SEED...

Each line gives the seed, the number of synapses of each pathway and the
mean rate per neuron (Hz) of the excitatory and inhibitory populations over
the run. Runtime (Cython) target; Debian's python3-brian.
"""
import sys

import brian2 as b
from brian2.units import ms, mV

b.prefs.codegen.target = 'cython'

taum, taue, taui = 20*ms, 5*ms, 10*ms
Ee, Ei, El = 0*mV, -80*mV, -60*mV
Vt, Vr = -50*mV, -60*mV
we, wi = 6/10, 67/10  # 6 nS and 67 nS in units of the leak conductance, 10 nS

eqs = '''
dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1
'''

duration = float(sys.argv[1])*ms
print(f'# Brian2 {b.__version__}, target {b.prefs.codegen.target}, '
      f'COBA, {duration/ms:g} ms', flush=True)
for seed in [int(x) for x in sys.argv[2:]]:
    b.start_scope()
    b.seed(seed)
    b.defaultclock.dt = 0.1*ms
    P = b.NeuronGroup(4000, eqs, threshold='v > Vt', reset='v = Vr',
                      refractory=5*ms, method='euler')
    Pe, Pi = P[:3200], P[3200:]
    Ce = b.Synapses(Pe, P, on_pre='ge += we')
    Ce.connect(p=0.02)
    Ci = b.Synapses(Pi, P, on_pre='gi += wi')
    Ci.connect(p=0.02)
    P.v = 'El + (randn()*5 - 5)*mV'
    P.ge = 'randn()*1.5 + 4'
    P.gi = 'randn()*12 + 20'
    me, mi = b.SpikeMonitor(Pe), b.SpikeMonitor(Pi)
    b.run(duration)
    T = duration/b.second
    print(f'seed {seed}: synapses {len(Ce)} {len(Ci)} '
          f'rate_e {me.num_spikes/3200/T:.3f} rate_i {mi.num_spikes/800/T:.3f}',
          flush=True)
