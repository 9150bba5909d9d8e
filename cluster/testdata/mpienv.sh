# Open MPI settings this project's tests use, to be sourced (sh or bash):
# every rank on this machine, in a container too. A setting already in
# the environment is kept.
#
#   plm=isolated            start the ranks here, without ssh (often absent in containers)
#   btl=self,vader pml=ob1  shared memory only: no network or fabric probing (halves start-up)
#   btl_vader_single_copy_mechanism=none
#                           no cross-memory attach, which containers may forbid (ptrace)
#   rmaps_base_oversubscribe=1
#                           more ranks than cores
: "${OMPI_MCA_plm:=isolated}"
: "${OMPI_MCA_btl:=self,vader}"
: "${OMPI_MCA_pml:=ob1}"
: "${OMPI_MCA_btl_vader_single_copy_mechanism:=none}"
: "${OMPI_MCA_rmaps_base_oversubscribe:=1}"
export OMPI_MCA_plm OMPI_MCA_btl OMPI_MCA_pml OMPI_MCA_btl_vader_single_copy_mechanism OMPI_MCA_rmaps_base_oversubscribe
