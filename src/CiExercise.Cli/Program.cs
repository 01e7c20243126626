using CiExercise.Cli;

return await CiexApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
