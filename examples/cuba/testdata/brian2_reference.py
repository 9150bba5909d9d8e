"""Reference rates of benchmark 2 of Brette et al. 2007 (CUBA) in Brian2.

Benchmark 2 of Brette et al. (2007), J Comput Neurosci 23:349, "Simulation
of networks of spiking neurons: a review of tools and strategies": the
network of Vogels & Abbott (2005) with current-based synapses, as Brian2's
example (brian-team/brian2, examples/CUBA.py) defines it:

  4000 leaky integrate-and-fire neurons, the first 3200 excitatory;
  dv/dt = (ge + gi - (v-El))/taum, v held at Vr for 5 ms after a spike;
  ge, gi (volt) decay with taue = 5 ms, taui = 10 ms; taum = 20 ms,
  El = -49 mV, threshold -50 mV, reset -60 mV; each excitatory neuron
  connects to each neuron with probability 0.02 (ge += 60*0.27/10 mV),
  each inhibitory one likewise (gi += -20*4.5/10 mV); v starts uniform
  between Vr and Vt, ge = gi = 0; exact ('linear') integration,
  dt = 0.1 ms.

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
Vt, Vr, El = -50*mV, -60*mV, -49*mV
we = (60*0.27/10)*mV  # excitatory synaptic weight (voltage)
wi = (-20*4.5/10)*mV  # inhibitory synaptic weight

eqs = '''
dv/dt = (ge + gi - (v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''

duration = float(sys.argv[1])*ms
print(f'# Brian2 {b.__version__}, target {b.prefs.codegen.target}, '
      f'CUBA, {duration/ms:g} ms', flush=True)
for seed in [int(x) for x in sys.argv[2:]]:
    b.start_scope()
    b.seed(seed)
    b.defaultclock.dt = 0.1*ms
    P = b.NeuronGroup(4000, eqs, threshold='v > Vt', reset='v = Vr',
                      refractory=5*ms, method='linear')
    P.v = 'Vr + rand()*(Vt - Vr)'
    P.ge = 0*mV
    P.gi = 0*mV
    Ce = b.Synapses(P, P, on_pre='ge += we')
    Ci = b.Synapses(P, P, on_pre='gi += wi')
    Ce.connect('i < 3200', p=0.02)
    Ci.connect('i >= 3200', p=0.02)
    m = b.SpikeMonitor(P)
    b.run(duration)
    T = duration/b.second
    i = m.i[:]
    ne = int((i < 3200).sum())
    print(f'seed {seed}: synapses {len(Ce)} {len(Ci)} '
          f'rate_e {ne/3200/T:.3f} rate_i {(len(i)-ne)/800/T:.3f}',
          flush=True)
