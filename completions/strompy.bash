# bash completion for strompy, made from its options by CompletionScriptsTest.
# Load it with `source completions/strompy.bash`, e.g. from ~/.bashrc.
_strompy() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opt= prefix= values IFS=$'\n'
    # bash splits --opt=value at '=': then the option is one or two words back.
    if [ "$cur" = "=" ]; then
        opt=$prev cur=
    elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
        opt=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == --*=* ]]; then
        opt=${cur%%=*} prefix=$opt= cur=${cur#*=}
    else
        case $prev in
            --format|--on-error|--max-elements|--source|-j|--jobs|--digits|--color) opt=$prev ;;
        esac
    fi
    if [ -n "$opt" ]; then
        case $opt in
            --format) values="jsonl json table" ;;
            --on-error) values="stop continue record" ;;
            --max-elements) values="" ;;
            --source) values="" ;;
            -j|--jobs) values="" ;;
            --digits) values="" ;;
            --color) values="auto never always" ;;
            *) values= ;;
        esac
        COMPREPLY=($(IFS=' '; compgen -P "$prefix" -W "$values" -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(IFS=' '; compgen -W "--format -H --with-filename --on-error -k --keep-going --max-elements --source --unbuffered -j --jobs --digits --color --no-progress --list-ops --debug -h --help -V --version" -- "$cur"))
    else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -F _strompy strompy
