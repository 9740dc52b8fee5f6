using Microfinance.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMicrofinanceSilo();

var app = builder.Build();
app.MapMicrofinanceApi();
app.Run();
