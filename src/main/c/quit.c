/*
 * SIGQUIT (Ctrl-\) for the strompy command. The JVM keeps SIGQUIT for thread dumps and lets no
 * Java code handle it, so this takes it over once the JVM is up: a Java thread asks requested()
 * ten times a second (a thread blocked in native code would hold up the JVM's exit by 0.3 s), and
 * strompy then ends as a quit (status 131) after writing out every finished result, as on
 * SIGINT. jcmd and jstack announce themselves with SIGQUIT and an
 * .attach_pid file: that signal goes on to the JVM's own handler, which starts its attach
 * listener. Built by Maven where gcc is found (the native-quit profile); without it, Ctrl-\ dumps
 * threads to stderr as in any JVM.
 */
#include <jni.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t quit;
static struct sigaction jvm;
static char attach_in_cwd[4200];
static char attach_in_tmp[64];

static void on_quit(int sig, siginfo_t *info, void *context) {
    if (access(attach_in_cwd, F_OK) == 0 || access(attach_in_tmp, F_OK) == 0) {
        if (jvm.sa_flags & SA_SIGINFO) {
            jvm.sa_sigaction(sig, info, context);
        } else if (jvm.sa_handler != SIG_DFL && jvm.sa_handler != SIG_IGN) {
            jvm.sa_handler(sig);
        }
        return;
    }
    quit = 1;
}

JNIEXPORT jboolean JNICALL Java_dev_strompy_cli_Quit_install(JNIEnv *env, jclass cls) {
    char cwd[4096];
    int pid = (int) getpid();
    if (getcwd(cwd, sizeof cwd) == NULL) {
        cwd[0] = '\0';
    }
    snprintf(attach_in_cwd, sizeof attach_in_cwd, "%s/.attach_pid%d", cwd, pid);
    snprintf(attach_in_tmp, sizeof attach_in_tmp, "/tmp/.attach_pid%d", pid);
    struct sigaction ours;
    memset(&ours, 0, sizeof ours);
    ours.sa_sigaction = on_quit;
    ours.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&ours.sa_mask);
    return sigaction(SIGQUIT, &ours, &jvm) == 0 ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jboolean JNICALL Java_dev_strompy_cli_Quit_requested(JNIEnv *env, jclass cls) {
    return quit ? JNI_TRUE : JNI_FALSE;
}
