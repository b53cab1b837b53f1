using Search.Cli;
using Search.Cli.Rendering;

namespace Search.Web.Tests.Support;

/// <summary>`search` run in-process with captured output: what the API must agree with.</summary>
public static class SearchCli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, new Output(new StringReader(""), output, error, false, false, false));
        return (code, output.ToString(), error.ToString());
    }
}
