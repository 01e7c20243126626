using CiExercise.Cli;

return CiexApp.Run(args, Console.Out, Console.Error, TimeProvider.System);
