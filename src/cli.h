/*
 * cli.h: the commands behind main().
 */
#ifndef PYMEMSIM_CLI_H
#define PYMEMSIM_CLI_H

/* `pymemsim machine': describe the machine at start-up. */
int cli_machine(int argc, char **argv);

/* `pymemsim trace FILE': run FILE and print every event, one a line. */
int cli_trace(int argc, char **argv);

#endif
