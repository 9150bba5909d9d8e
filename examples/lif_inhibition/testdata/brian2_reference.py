"""Reference rates of Dendrify's "LIF network + inhibition" in Brian2.

The seed's script with the equations Dendrify generates written out (the
same text as lif_inhibition.Equations), run for many seeds. Used to derive
FullReference and ReducedReference in lif_inhibition.go:

    python3 brian2_reference.py 250 $(seq 1001 1060) $(seq 2001 2200)
    python3 brian2_reference.py 100 $(seq 3001 3200)

The first argument is the length of each of the two runs in ms. Each line
gives the Poisson sources' mean rate and the mean rate per neuron of the
excitatory (E) and inhibitory (I) populations in the first and second half.
Run with Brian2 2.5.1 (Debian's python3-brian), numpy target.
"""
import sys

import brian2 as b
import numpy as np
from brian2.units import Hz, ms, mV, nS, pF

b.prefs.codegen.target = 'numpy'

eqs = '''
dV/dt = (gL * (EL-V) + I) / C  :volt
I = I_ext + I_GABA_inh + I_AMPA_ext  :amp
I_ext  :amp
I_AMPA_ext = g_AMPA_ext * (E_AMPA-V) * s_AMPA_ext * w_AMPA_ext  :amp
ds_AMPA_ext/dt = -s_AMPA_ext / t_AMPA_decay_ext  :1
I_GABA_inh = g_GABA_inh * (E_GABA-V) * s_GABA_inh * w_GABA_inh  :amp
ds_GABA_inh/dt = -s_GABA_inh / t_GABA_decay_inh  :1
'''
ns = dict(EL=-70.6*mV, C=281*pF, gL=30*nS,
          g_AMPA_ext=2*nS, t_AMPA_decay_ext=2.5*ms, w_AMPA_ext=1.0,
          g_GABA_inh=2*nS, t_GABA_decay_inh=7.5*ms, w_GABA_inh=1.0,
          Vth=-40.4*mV, Vr=-65.6*mV, E_AMPA=0*mV, E_GABA=-80*mV)

phase = float(sys.argv[1])
N_e, N_i = 700, 300
for seed in [int(x) for x in sys.argv[2:]]:
    b.start_scope()
    b.seed(seed)
    neurons = b.NeuronGroup(N_e+N_i, eqs, threshold='V>Vth', reset='V=Vr',
                            method='euler', namespace=ns)
    neurons.V = -70.6*mV
    inhibitory = neurons[:N_i]
    excitatory = neurons[N_i:]
    Input = b.PoissonGroup(200, rates=90*Hz)
    Syn_ext_a = b.Synapses(Input, excitatory, on_pre='s_AMPA_ext += 1')
    Syn_ext_a.connect(p=0.2)
    Syn_ext_b = b.Synapses(Input, inhibitory, on_pre='s_AMPA_ext += 1')
    Syn_ext_b.connect(p=0)
    Syn_inh = b.Synapses(inhibitory, excitatory, on_pre='s_GABA_inh += 1')
    Syn_inh.connect(p=0.15)
    spikes_e = b.SpikeMonitor(excitatory)
    spikes_i = b.SpikeMonitor(inhibitory)
    spikes_in = b.SpikeMonitor(Input)
    b.run(phase*ms)
    Syn_ext_b.connect(p=0.2)
    b.run(phase*ms)
    te, ti = np.asarray(spikes_e.t/ms), np.asarray(spikes_i.t/ms)

    def rate(t, n, lo, hi):
        return ((t >= lo) & (t < hi)).sum() / n / (phase/1000)
    print(f"seed {seed}: in {len(spikes_in.t)/200/(2*phase/1000):.1f} "
          f"E {rate(te, N_e, 0, phase):.2f} {rate(te, N_e, phase, 2*phase):.2f} "
          f"I {rate(ti, N_i, 0, phase):.2f} {rate(ti, N_i, phase, 2*phase):.2f}",
          flush=True)
